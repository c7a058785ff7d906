namespace McpFlow.Core.Security;

/// <summary>
/// Decides from a name alone (an argument, a JSON property, a header, a <c>name=value</c> key) whether its value is
/// a secret. Names are split into words (snake_case, kebab-case, camelCase and PascalCase alike) and compared case-
/// insensitively. When in doubt the name counts as secret: a redacted harmless value costs a little detail in a
/// record, a leaked password costs the password.
/// </summary>
public static class SecretNames
{
    // Anywhere in the name with separators removed: "dbPassword", "MLFLOW_TRACKING_TOKEN", "x-amz-credential".
    private static readonly string[] Fragments =
        ["password", "passwd", "passphrase", "pwd", "secret", "credential", "cookie", "apikey", "privatekey", "accesskey", "bearer"];

    // Whole words: "db_pass", "user_pw", "sas sig".
    private static readonly HashSet<string> Words = ["pass", "pw", "passcode", "sig", "signature", "jwt", "otp", "dsn"];

    // "key" words that name a structure, not a secret: a key column, a sort key, a metric key.
    private static readonly HashSet<string> StructuralBeforeKey =
        ["metric", "sort", "join", "primary", "foreign", "partition", "group", "order", "cache", "lookup", "index", "row", "dict", "map",
         "unique", "composite", "natural", "surrogate", "dedup", "merge", "tag", "param", "column", "hash", "idempotency"];

    private static readonly HashSet<string> StructuralAfterKey = ["column", "columns", "col", "cols", "field", "fields", "name", "names"];

    // Machine-learning settings that contain "token" but hold counts (max_tokens, max_new_tokens).
    private static readonly HashSet<string> NotSecret =
        ["maxtokens", "mintokens", "numtokens", "ntokens", "totaltokens",
         "maxnewtokens", "tokencount", "tokenlimit", "tokensperbatch"];

    /// <summary>True when a value stored under <paramref name="name"/> must be treated as a secret.</summary>
    public static bool IsSecret(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return false;
        var words = Split(name);
        var joined = string.Concat(words);
        if (joined.Length == 0 || NotSecret.Contains(joined))
            return false;
        if (Fragments.Any(f => joined.Contains(f, StringComparison.Ordinal)))
            return true;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (Words.Contains(w) || w.StartsWith("session", StringComparison.Ordinal) || IsAuth(w) || IsToken(w))
                return true;
            if (IsKeyWord(w) && !(i > 0 && StructuralBeforeKey.Contains(words[i - 1])) && !(i + 1 < words.Count && StructuralAfterKey.Contains(words[i + 1])))
                return true;
        }

        return false;
    }

    /// <summary>The lower-case words of a name: <c>apiKey</c>, <c>API_KEY</c> and <c>api-key</c> all give [api, key].</summary>
    public static IReadOnlyList<string> Split(string name)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            var boundary = current.Length > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (boundary)
                Flush();
            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
                words.Add(current.ToString());
            current.Clear();
        }
    }

    // auth, auth_header, authToken, authorization, oauth, x-auth; not author or authority.
    private static bool IsAuth(string word) =>
        (word.StartsWith("auth", StringComparison.Ordinal) || word.StartsWith("oauth", StringComparison.Ordinal))
        && !(word.StartsWith("author", StringComparison.Ordinal) && !word.StartsWith("authoriz", StringComparison.Ordinal));

    // token, tokens, authtoken, xsrftoken; not tokenizer or tokenization (model names and settings).
    private static bool IsToken(string word) =>
        word.Contains("token", StringComparison.Ordinal) && !word.Contains("tokeniz", StringComparison.Ordinal);

    // key, keys, api-key spelt as one word (apikey, hmackey, sshkey), keyfile, keystore, keyring, keypair, keytab.
    private static bool IsKeyWord(string word) =>
        word is "key" or "keys" or "keyfile" or "keystore" or "keyring" or "keypair" or "keytab" or "keychain"
        || (word.Length > 3 && word.EndsWith("key", StringComparison.Ordinal));
}
