namespace CertPlatform.Web.Domain.Accounts;

/// <summary>
/// Does a self-registered account belong to the employee that HR imported? Same 工号 (case-insensitive), same name
/// (ignoring spaces, including full-width ones) and, when both sides give one, the same organisation.
/// </summary>
public static class EmployeeMatch
{
    public static EmployeeMatchOutcome Compare(string? accountNumber, string accountName, string accountOrganization,
        string? recordNumber, string recordName, string recordOrganization)
    {
        if (string.IsNullOrWhiteSpace(accountNumber) || string.IsNullOrWhiteSpace(recordNumber)
            || !string.Equals(accountNumber.Trim(), recordNumber.Trim(), StringComparison.OrdinalIgnoreCase))
            return EmployeeMatchOutcome.NoRecord;
        if (Squeeze(accountName) != Squeeze(recordName) || Squeeze(accountName).Length == 0) return EmployeeMatchOutcome.Mismatch;
        var a = Squeeze(accountOrganization);
        var r = Squeeze(recordOrganization);
        return a.Length > 0 && r.Length > 0 && a != r ? EmployeeMatchOutcome.Mismatch : EmployeeMatchOutcome.Match;
    }

    private static string Squeeze(string? s) =>
        string.Concat((s ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
