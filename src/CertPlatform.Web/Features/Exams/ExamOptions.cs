namespace CertPlatform.Web.Features.Exams;

/// <summary>The <c>Exams</c> configuration section.</summary>
public sealed class ExamOptions
{
    public const string Section = "Exams";
    /// <summary>The one grace after the deadline (see <see cref="ExamDeadlines"/>): answers accepted, the page shown, the attempt resumed.</summary>
    public int GraceSeconds { get; set; } = 15;
    /// <summary>How often the server looks for attempts whose time ran out.</summary>
    public int OverdueScanSeconds { get; set; } = 5;
    /// <summary>
    /// How long an orderly stop (SIGTERM) may take: Kestrel finishes the requests in flight (saves waiting for
    /// their commit), then the autosave writer writes what is queued. The host's shutdown timeout.
    /// </summary>
    public int ShutdownSeconds { get; set; } = 30;
    public TimeSpan Grace => TimeSpan.FromSeconds(GraceSeconds);
}
