namespace McpFlow.Data.Loading;

/// <summary>
/// Takes the query out of a view definition as DuckDB renders it in <c>duckdb_views().sql</c> (regenerated from the
/// stored parse tree, not the text it was created with): <c>CREATE [OR REPLACE] [TEMP] VIEW [IF NOT EXISTS] name
/// [(aliases)] [WITH (...)] AS query;</c>. Quoted identifiers are honoured, so a name cannot smuggle in an <c>AS</c>.
/// </summary>
internal static class ViewText
{
    /// <summary>The view's query, or null when the text does not have that shape (the view is then refused).</summary>
    public static string? QueryOf(string? createView)
    {
        if (string.IsNullOrWhiteSpace(createView))
            return null;
        var text = createView.Trim();
        var i = 0;
        if (!Word(text, ref i, "CREATE"))
            return null;
        if (Word(text, ref i, "OR") && !Word(text, ref i, "REPLACE"))
            return null;
        _ = Word(text, ref i, "TEMP") || Word(text, ref i, "TEMPORARY");
        if (!Word(text, ref i, "VIEW"))
            return null;
        if (Word(text, ref i, "IF") && !(Word(text, ref i, "NOT") && Word(text, ref i, "EXISTS")))
            return null;
        if (!QualifiedName(text, ref i))
            return null;
        SkipSpaces(text, ref i);
        if (i < text.Length && text[i] == '(' && !Parenthesised(text, ref i))
            return null;
        if (Word(text, ref i, "WITH"))
        {
            SkipSpaces(text, ref i);
            if (i >= text.Length || text[i] != '(' || !Parenthesised(text, ref i))
                return null;
        }

        if (!Word(text, ref i, "AS"))
            return null;
        var query = text[i..].Trim().TrimEnd(';').Trim();
        return query.Length == 0 ? null : query;
    }

    private static bool Word(string text, ref int i, string word)
    {
        var j = i;
        SkipSpaces(text, ref j);
        if (j + word.Length > text.Length || !text.AsSpan(j, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase))
            return false;
        var end = j + word.Length;
        if (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '(')
            return false;
        i = end;
        return true;
    }

    private static bool QualifiedName(string text, ref int i)
    {
        while (true)
        {
            SkipSpaces(text, ref i);
            if (!Identifier(text, ref i))
                return false;
            if (i >= text.Length || text[i] != '.')
                return true;
            i++;
        }
    }

    private static bool Identifier(string text, ref int i)
    {
        if (i >= text.Length)
            return false;
        if (text[i] == '"')
        {
            for (i++; i < text.Length; i++)
            {
                if (text[i] != '"')
                    continue;
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    i++;
                    continue;
                }

                i++;
                return true;
            }

            return false;
        }

        var start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$'))
            i++;
        return i > start;
    }

    // A parenthesised list whose identifiers may be quoted (and hold parentheses).
    private static bool Parenthesised(string text, ref int i)
    {
        var depth = 0;
        for (; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    if (!Identifier(text, ref i))
                        return false;
                    i--;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth == 0)
                    {
                        i++;
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
    }
}
