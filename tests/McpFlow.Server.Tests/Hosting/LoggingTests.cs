using System.Collections.Concurrent;
using McpFlow.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace McpFlow.Server.Tests.Hosting;

public sealed class LoggingTests
{
    private sealed class Capture : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message, string? Exception)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(Capture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((category, logLevel, formatter(state, exception), exception?.ToString()));
        }
    }

    private static (ILoggerFactory Factory, Capture Capture) Build(LogLevel minimum)
    {
        var capture = new Capture();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.ClearProviders();
            b.AddProvider(capture);
            Logging.ApplyPolicy(b, minimum);
        });
        return (services.BuildServiceProvider().GetRequiredService<ILoggerFactory>(), capture);
    }

    [Fact]
    public void AtTrace_TheSdksPayloadMessagesAreDropped_AndItsDebugMessagesKept()
    {
        var (factory, capture) = Build(LogLevel.Trace);
        var sdk = factory.CreateLogger("ModelContextProtocol.Server.McpServer");

        sdk.LogTrace("server transport received message. Message: '{Message}'.", """{"params":{"arguments":{"session":{"id":"leak-1"}}}}""");
        sdk.LogDebug("server read {MessageType} message from channel.", "JsonRpcRequest");
        factory.CreateLogger("McpFlow.Tools").LogTrace("our own trace line");

        capture.Entries.Select(e => e.Message).Should().Equal("server read JsonRpcRequest message from channel.", "our own trace line");
    }

    [Theory]
    [InlineData(LogLevel.Trace)]
    [InlineData(LogLevel.Debug)]
    [InlineData(LogLevel.Information)]
    [InlineData(LogLevel.Warning)]
    [InlineData(LogLevel.Error)]
    public void AtEveryLevel_MessagesAndExceptionsAreRedacted(LogLevel level)
    {
        var (factory, capture) = Build(LogLevel.Trace);
        var logger = factory.CreateLogger("McpFlow.Tools");
        var error = new InvalidOperationException("connect to https://etl:leak-2@db failed", new HttpRequestException("Authorization: Bearer leak-3"));

        logger.Log(level, error, "Tool {Tool} refused: {Message}", "data_query", "password=leak-4 and api_key: leak-5");

        var entry = capture.Entries.Single();
        entry.Level.Should().Be(level);
        entry.Message.Should().Be("Tool data_query refused: password=*** and api_key: ***");
        entry.Exception.Should().Contain("https://etl:***@db").And.Contain("Authorization: ***").And.Contain(nameof(InvalidOperationException))
            .And.NotContainAny("leak-2", "leak-3");
    }

    [Fact]
    public void AMegabyteMessage_IsCut()
    {
        var (factory, capture) = Build(LogLevel.Information);
        factory.CreateLogger("McpFlow.Tools").LogInformation("{Value}", new string('x', 1 << 20));
        capture.Entries.Single().Message.Should().HaveLength(RedactingLoggerProvider.MaxMessageLength + "… [1,040,384 more characters not logged]".Length);
    }

    [Fact]
    public void AtInformation_NoCategoryIsOpenedBelowIt()
    {
        var (factory, capture) = Build(LogLevel.Information);
        factory.CreateLogger("ModelContextProtocol.Server.McpServer").LogDebug("debug line");
        factory.CreateLogger("Microsoft.AspNetCore.Hosting").LogDebug("debug line");
        capture.Entries.Should().BeEmpty();
    }
}
