namespace CertPlatform.Web.Domain.Accounts;

/// <summary>
/// Password rules beyond length and character classes: not a common password (also after removing
/// the digits and symbols people add to one, so <c>password1</c> and <c>Qwerty-2026</c> are refused),
/// and not built from the account's own e-mail address or employee number.
/// </summary>
public sealed class PasswordPolicy(IReadOnlySet<string> commonPasswords)
{
    /// <summary>Parts of an identifier shorter than this are not checked (a 2-letter mailbox would forbid too much).</summary>
    public const int MinIdentifierLength = 3;

    public IReadOnlyList<PasswordProblem> Check(string password, string? email, string? employeeNumber)
    {
        var problems = new List<PasswordProblem>();
        var lower = password.Trim().ToLowerInvariant();
        if (IsCommon(lower)) problems.Add(PasswordProblem.Common);

        var mail = (email ?? "").Trim().ToLowerInvariant();
        var local = mail.Split('@')[0];
        if ((mail.Length > 0 && lower.Contains(mail)) || (local.Length >= MinIdentifierLength && lower.Contains(local)))
            problems.Add(PasswordProblem.ContainsEmail);

        var number = (employeeNumber ?? "").Trim().ToLowerInvariant();
        if (number.Length >= MinIdentifierLength && lower.Contains(number)) problems.Add(PasswordProblem.ContainsEmployeeNumber);
        return problems;
    }

    private bool IsCommon(string lower)
    {
        if (commonPasswords.Contains(lower)) return true;
        var core = lower.Trim(NotLetters);
        return core.Length > 0 && core != lower && commonPasswords.Contains(core);
    }

    private static readonly char[] NotLetters = "0123456789!@#$%^&*()_+-=[]{};':\",./<>?\\|`~ ".ToCharArray();
}
