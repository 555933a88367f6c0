namespace CertPlatform.Web.Data;

public static class Roles
{
    public const string Trainee = "Trainee";
    public const string Examiner = "Examiner";
    public const string HR = "HR";
    public const string Admin = "Admin";
    /// <summary>Approves certification papers (second person: never an author of the paper).</summary>
    public const string CertificationManager = "CertificationManager";
    public static readonly IReadOnlyList<string> All = [Trainee, Examiner, HR, Admin, CertificationManager];
}
