namespace CertPlatform.Web.Features.Papers;

/// <summary>What <see cref="PaperPasswordGuard"/> decided about an exam access password.</summary>
public enum PaperPasswordCheck
{
    /// <summary>The paper has no password, or it was right.</summary>
    Accepted,
    Wrong,
    /// <summary>Too many wrong passwords in a row: refused (even the right one) until the lock runs out.</summary>
    Locked,
}
