namespace CertPlatform.Web.Infrastructure;

/// <summary>The database the app runs on ("Database:Provider").</summary>
public enum DatabaseProvider
{
    /// <summary>One embedded file (the default).</summary>
    Sqlite,
    /// <summary>A server, for running several instances.</summary>
    PostgreSql,
}
