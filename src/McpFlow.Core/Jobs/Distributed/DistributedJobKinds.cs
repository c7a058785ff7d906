using System.Text.RegularExpressions;

namespace McpFlow.Core.Jobs.Distributed;

/// <summary>The registry of distributable job kinds (every registered <see cref="DistributedJobKind"/>).</summary>
public sealed partial class DistributedJobKinds
{
    private readonly Dictionary<string, DistributedJobKind> _kinds;

    /// <summary>Builds the registry; refuses a duplicate kind, a queue name Hangfire would refuse, or a handler type
    /// that is not an <see cref="IDistributedJobHandler"/>.</summary>
    public DistributedJobKinds(IEnumerable<DistributedJobKind> kinds)
    {
        _kinds = new Dictionary<string, DistributedJobKind>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            if (!QueuePattern().IsMatch(kind.Queue))
                throw new ArgumentException($"Queue '{kind.Queue}' of job kind '{kind.Kind}' must be lower-case letters, digits and underscores.", nameof(kinds));
            if (!typeof(IDistributedJobHandler).IsAssignableFrom(kind.Handler))
                throw new ArgumentException($"Handler {kind.Handler} of job kind '{kind.Kind}' is not an {nameof(IDistributedJobHandler)}.", nameof(kinds));
            if (!_kinds.TryAdd(kind.Kind, kind))
                throw new ArgumentException($"Job kind '{kind.Kind}' is registered twice.", nameof(kinds));
        }
    }

    /// <summary>The kind, or null when it runs only in the process that starts it.</summary>
    public DistributedJobKind? Find(string kind) => _kinds.GetValueOrDefault(kind);

    /// <summary>Every registered kind.</summary>
    public IReadOnlyCollection<DistributedJobKind> All => _kinds.Values;

    /// <summary>The queues a worker serves by default: every kind's, sorted, without repeats.</summary>
    public IReadOnlyList<string> Queues => _kinds.Values.Select(k => k.Queue).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex("^[a-z0-9_]{1,50}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex QueuePattern();
}
