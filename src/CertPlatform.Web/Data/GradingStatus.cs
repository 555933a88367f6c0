namespace CertPlatform.Web.Data;

public static class GradingStatus
{
    /// <summary>Not finished yet.</summary>
    public const string None = "None";
    /// <summary>Finished; essays or case write-ups wait in the grading queue.</summary>
    public const string AwaitingManual = "AwaitingManual";
    public const string Final = "Final";
}
