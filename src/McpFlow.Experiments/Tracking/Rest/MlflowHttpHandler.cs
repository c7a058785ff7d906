using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace McpFlow.Experiments.Tracking.Rest;

/// <summary>Adds MLflow's authentication (bearer token, or basic auth as MLflow's client sends it) and retries
/// transient failures (connection errors, timeouts, 429, 500, 502, 503, 504: the codes MLflow's own client
/// retries) with exponential back-off and jitter through a Polly 8 pipeline, with a per-attempt timeout inside a
/// total timeout (<see cref="MlflowRestOptions.TotalTimeout"/>) that bounds the whole request, retries included. The
/// body of a failed or HTML answer is replaced by its scrubbed form (<see cref="MlflowErrorBody"/>) before anything
/// reads it; a successful status carrying an HTML page (a login page after a redirect) fails with
/// <see cref="MlflowHtmlAnswerException"/>, since no MLflow endpoint answers with HTML.</summary>
public sealed class MlflowHttpHandler : DelegatingHandler
{
    private static readonly HashSet<HttpStatusCode> Transient =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    private readonly MlflowRestOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Creates the handler over <paramref name="inner"/>.</summary>
    public MlflowHttpHandler(MlflowRestOptions options, HttpMessageHandler inner, TimeProvider? time = null)
        : base(inner)
    {
        _options = options;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time ?? TimeProvider.System };
        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => Transient.Contains(r.StatusCode)),
            });
        }

        _pipeline = builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>Number of HTTP attempts sent (for diagnostics and tests).</summary>
    public int Attempts { get; private set; }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(_options.Token))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
        else if (!string.IsNullOrEmpty(_options.Username))
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.Username}:{_options.Password}")));

        // Buffer the body once so every retry sends the same bytes.
        if (request.Content is not null)
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        var response = await _pipeline.ExecuteAsync(async ct =>
        {
            Attempts++;
            return await base.SendAsync(request, ct);
        }, cancellationToken);
        if (!response.IsSuccessStatusCode || MlflowErrorBody.IsHtml(null, response.Content.Headers.ContentType?.MediaType))
        {
            using var original = response.Content;
            response.Content = await MlflowErrorBody.ScrubAsync(original, cancellationToken);
        }

        if (response.IsSuccessStatusCode && MlflowErrorBody.IsHtml(await response.Content.ReadAsStringAsync(cancellationToken), response.Content.Headers.ContentType?.MediaType))
        {
            var status = response.StatusCode;
            response.Dispose();
            throw new MlflowHtmlAnswerException(status);
        }

        return response;
    }
}
