using System.Globalization;
using McpFlow.Core.Identity;

namespace McpFlow.Workbench.Audit;

/// <summary>
/// Writes refused requests (<see cref="IRefusalAudit"/>) into the audit trail as <c>refused</c> entries naming the user,
/// the tool and the reason, and keeps a refused caller from flooding the trail: per user, the first
/// <see cref="EntriesPerWindow"/> refusals of a <see cref="Window"/> (which opens at that user's first refusal) are
/// written one by one, the rest are counted and written as one <c>refused_summary</c> entry (how many, from when to
/// when, which tools) when the user's next window opens, or when the server stops. So one user adds at most
/// <see cref="EntriesPerWindow"/> + 1 entries a minute however fast they are refused; other users are unaffected.
/// </summary>
public sealed class RefusalAudit(IAuditChain trail, TimeProvider time) : IRefusalAudit, IDisposable
{
    /// <summary>Refusals per user written one by one in a <see cref="Window"/>: 20, a third of the default rate limit's
    /// per-second pace over a minute (600 per 60 s), enough to see what a user tried and cheap enough to never matter.</summary>
    public const int EntriesPerWindow = 20;

    /// <summary>Characters kept of a reason.</summary>
    public const int MaxReasonLength = 300;

    /// <summary>Users whose windows are tracked at once; when full, windows that are over are summarised and dropped.</summary>
    private const int MaxTrackedUsers = 10_000;

    /// <summary>Length of a user's counting window: one minute, the default rate-limit window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, RefusalWindow> _windows = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Refused(string user, string? tool, string reason)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(reason);
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_windows.TryGetValue(user, out var window) && window.IsOver(now))
            {
                Close(user, window);
                window = null;
            }

            if (window is null)
            {
                if (_windows.Count >= MaxTrackedUsers)
                    CloseOver(now);
                window = _windows[user] = new RefusalWindow(now);
            }

            if (window.Written >= EntriesPerWindow)
            {
                window.Suppress(tool, now);
                return;
            }

            window.Written++;
            trail.Append(new AuditEntry
            {
                Kind = "refused", User = user, Tool = tool,
                Outcome = "refused: " + (reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength] + "…"),
            });
        }
    }

    /// <summary>Writes the summaries still pending (the server stops).</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var (user, window) in _windows.ToList())
                Close(user, window);
        }
    }

    private void CloseOver(DateTimeOffset now)
    {
        foreach (var (user, window) in _windows.Where(w => w.Value.IsOver(now)).ToList())
            Close(user, window);
    }

    private void Close(string user, RefusalWindow window)
    {
        _windows.Remove(user);
        if (window.Suppressed == 0)
            return;
        var from = window.FirstSuppressed.ToString("u", CultureInfo.InvariantCulture);
        var to = window.LastSuppressed.ToString("u", CultureInfo.InvariantCulture);
        trail.Append(new AuditEntry
        {
            Kind = "refused_summary", User = user,
            Outcome = $"refused: {window.Suppressed} more refused request(s) from {from} to {to} not written one by one " +
                $"(over {EntriesPerWindow} in {Window.TotalSeconds:0} s); tools: {string.Join(", ", window.Tools)}",
        });
    }
}
