using System.Text;
using System.Text.RegularExpressions;

namespace McpFlow.Core.Files;

/// <summary>
/// A glob McpFlow expands itself, so the files read are exactly the files checked: <c>*</c> and <c>?</c> match within
/// one name, <c>[abc]</c>, <c>[a-z]</c> and <c>[!a]</c> (or <c>[^a]</c>) match one character of (or outside) a class,
/// and a whole <c>**</c> segment matches any number of folders. Wildcards never match a leading dot (as in the shell).
/// </summary>
internal sealed class GlobPattern
{
    private readonly IReadOnlyList<Regex?> _segments; // null marks a ** segment

    private GlobPattern(IReadOnlyList<Regex?> segments) => _segments = segments;

    /// <summary>True when <paramref name="text"/> holds a wildcard character.</summary>
    public static bool HasWildcard(string text) => text.AsSpan().IndexOfAny('*', '?', '[') >= 0;

    /// <summary>Parses the segments after the fixed folder, e.g. <c>["**", "*.csv"]</c>.</summary>
    public static GlobPattern Parse(IReadOnlyList<string> segments) =>
        new(segments.Select(s => s == "**" ? null : new Regex("^" + SegmentRegex(s) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))).ToList());

    /// <summary>Lists files under <paramref name="folder"/> that match, in ordinal order. Stops with an error past
    /// <paramref name="maxMatches"/> matches or <paramref name="maxVisited"/> folder entries (link loops end there too).</summary>
    public List<string> Expand(string folder, int maxMatches, int maxVisited, int maxDepth)
    {
        var matches = new List<string>();
        var visited = 0;
        Walk(folder, 0, 0);
        matches.Sort(StringComparer.Ordinal);
        return matches;

        void Walk(string current, int index, int depth)
        {
            if (index == _segments.Count || depth > maxDepth)
                return;
            var segment = _segments[index];
            var last = index == _segments.Count - 1;
            if (segment is null)
            {
                // ** matches zero folders (try the next segment here) or one more folder (stay on this segment).
                if (last)
                    AddFiles(current, null);
                else
                    Walk(current, index + 1, depth);
                foreach (var sub in Entries(current, directories: true))
                    Walk(sub, index, depth + 1);
                return;
            }

            if (last)
            {
                AddFiles(current, segment);
                return;
            }

            foreach (var sub in Entries(current, directories: true).Where(d => segment.IsMatch(Path.GetFileName(d))))
                Walk(sub, index + 1, depth + 1);
        }

        void AddFiles(string current, Regex? segment)
        {
            foreach (var file in Entries(current, directories: false))
            {
                if (segment is not null && !segment.IsMatch(Path.GetFileName(file)))
                    continue;
                if (segment is null && Path.GetFileName(file).StartsWith('.'))
                    continue;
                matches.Add(file);
                if (matches.Count > maxMatches)
                    throw new GlobLimitException($"more than {maxMatches} files match");
            }
        }

        IEnumerable<string> Entries(string current, bool directories)
        {
            IEnumerable<string> entries;
            try
            {
                entries = directories ? Directory.EnumerateDirectories(current) : Directory.EnumerateFiles(current);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                yield break;
            }

            foreach (var entry in entries)
            {
                if (++visited > maxVisited)
                    throw new GlobLimitException($"more than {maxVisited} folder entries were searched");
                yield return entry;
            }
        }
    }

    private static string SegmentRegex(string segment)
    {
        var regex = new StringBuilder();
        if (segment.Length > 0 && segment[0] is '*' or '?' or '[')
            regex.Append("(?!\\.)");
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[' when segment.IndexOf(']', i + 2) is var close and > 0:
                    var body = segment[(i + 1)..close];
                    var negated = body.Length > 0 && body[0] is '!' or '^';
                    if (negated)
                        body = body[1..];
                    regex.Append(negated ? "[^" : "[");
                    foreach (var b in body)
                        regex.Append(b is '\\' or '[' or ']' or '^' ? "\\" + b : b.ToString());
                    regex.Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.ToString();
    }
}

/// <summary>A glob went past one of its limits.</summary>
internal sealed class GlobLimitException(string message) : Exception(message);
