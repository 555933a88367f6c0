namespace CertPlatform.Web.Features.Admin;

public sealed class EmployeeImportResult
{
    public List<EmployeeRow> Rows { get; } = [];
    public List<ImportProblem> Problems { get; } = [];
    public bool Ok => Problems.Count == 0 && Rows.Count > 0;
    public IEnumerable<ImportProblem> ProblemsFor(int line) => Problems.Where(p => p.Line == line);
    /// <summary>Lines whose 工号 belongs to a self-registered account not yet verified: a match verifies it, a mismatch is left for HR.</summary>
    public Dictionary<int, Domain.Accounts.EmployeeMatchOutcome> Registered { get; } = [];
}
