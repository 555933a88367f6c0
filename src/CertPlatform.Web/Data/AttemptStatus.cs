namespace CertPlatform.Web.Data;

public static class AttemptStatus
{
    public const string InProgress = "InProgress";
    public const string Finished = "Finished";
}
