using System.Text;
using McpFlow.Core.Errors;

namespace McpFlow.Experiments.Search;

/// <summary>Splits an MLflow filter string into tokens: identifiers (with backtick or double-quoted keys), quoted
/// strings, numbers, comparators, parentheses and commas.</summary>
internal static class FilterTokenizer
{
    public enum Kind { Word, String, Number, Operator, Open, Close, Comma }

    public readonly record struct Token(Kind Kind, string Text);

    public static List<Token> Tokenize(string filter)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < filter.Length)
        {
            var c = filter[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new Token(c == '(' ? Kind.Open : c == ')' ? Kind.Close : Kind.Comma, c.ToString()));
                i++;
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(new Token(Kind.String, ReadQuoted(filter, ref i, c)));
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                var op = i + 1 < filter.Length && filter[i + 1] == '=' ? filter.Substring(i, 2) : c.ToString();
                if (op == "!")
                    throw Invalid(filter, "'!' must be followed by '='");
                tokens.Add(new Token(Kind.Operator, op));
                i += op.Length;
            }
            else if (char.IsDigit(c) || c is '-' or '+' or '.' && i + 1 < filter.Length && char.IsDigit(filter[i + 1]))
            {
                var start = i++;
                while (i < filter.Length && (char.IsLetterOrDigit(filter[i]) || filter[i] is '.' or '-' or '+'))
                    i++;
                tokens.Add(new Token(Kind.Number, filter[start..i]));
            }
            else
            {
                tokens.Add(new Token(Kind.Word, ReadWord(filter, ref i)));
            }
        }

        return tokens;
    }

    private static string ReadWord(string filter, ref int i)
    {
        // entity.key where key may be `quoted` or "quoted" (MLflow allows both for keys with spaces or dots).
        var sb = new StringBuilder();
        while (i < filter.Length && !char.IsWhiteSpace(filter[i]) && filter[i] is not ('=' or '!' or '<' or '>' or '(' or ')' or ',' or '\''))
        {
            if (filter[i] is '`' or '"')
            {
                var quote = filter[i];
                sb.Append('\u0001').Append(ReadQuoted(filter, ref i, quote));
                continue;
            }

            sb.Append(filter[i++]);
        }

        if (sb.Length == 0)
            throw Invalid(filter, $"unexpected character '{filter[i]}' at position {i}");
        return sb.ToString();
    }

    private static string ReadQuoted(string filter, ref int i, char quote)
    {
        var end = filter.IndexOf(quote, i + 1);
        if (end < 0)
            throw Invalid(filter, $"the quote {quote} opened at position {i} is never closed");
        var text = filter[(i + 1)..end];
        i = end + 1;
        return text;
    }

    public static McpFlowException Invalid(string filter, string reason) => McpFlowException.Invalid(
        $"Invalid MLflow filter \"{filter}\": {reason}.",
        "Use clauses like metrics.accuracy > 0.9, params.lr = '0.01', tags.stage = 'prod', attributes.status = 'FINISHED', joined with AND (OR is not supported by MLflow).");
}
