namespace McpFlow.Core.Storage;

/// <summary>DuckDB's confinement settings as read from a connection.</summary>
/// <param name="ExternalAccess">enable_external_access (must be false).</param>
/// <param name="ConfigurationLocked">lock_configuration (must be true).</param>
/// <param name="AutoloadExtensions">autoload_known_extensions (must be false).</param>
/// <param name="AutoinstallExtensions">autoinstall_known_extensions (must be false).</param>
/// <param name="AllowedDirectories">allowed_directories: the only folders DuckDB may read or write.</param>
public sealed record LockdownState(bool ExternalAccess, bool ConfigurationLocked, bool AutoloadExtensions, bool AutoinstallExtensions,
    IReadOnlyList<string> AllowedDirectories)
{
    /// <summary>True when every setting is as the lock-down requires.</summary>
    public bool IsLocked => !ExternalAccess && ConfigurationLocked && !AutoloadExtensions && !AutoinstallExtensions;
}
