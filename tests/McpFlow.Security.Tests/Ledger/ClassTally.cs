namespace McpFlow.Security.Tests.Ledger;

/// <summary>Counts for one class of attempts.</summary>
internal sealed class ClassTally(string name)
{
    private readonly Dictionary<Problem, int> _problems = Enum.GetValues<Problem>().ToDictionary(p => p, _ => 0);

    /// <summary>The class, e.g. <c>sql.relative-path</c>.</summary>
    public string Name => name;

    /// <summary>Attempts made.</summary>
    public int Attempts { get; private set; }

    /// <summary>Attempts the server refused (an error result or a JSON-RPC error).</summary>
    public int Refused { get; private set; }

    /// <summary>Attempts with each problem (an attempt counts once per problem it shows).</summary>
    public IReadOnlyDictionary<Problem, int> Problems => _problems;

    /// <summary>Adds one attempt.</summary>
    public void Add(bool refused, IEnumerable<Problem> problems)
    {
        Attempts++;
        if (refused)
            Refused++;
        foreach (var problem in problems.Distinct())
            _problems[problem]++;
    }
}
