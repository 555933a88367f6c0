namespace CertPlatform.Web.Domain.Accounts;

/// <summary>Why <see cref="PasswordPolicy"/> refuses a password (length and character classes are Identity's own checks).</summary>
public enum PasswordProblem
{
    /// <summary>The password, or the word left after removing leading/trailing digits and symbols, is on the common-password list.</summary>
    Common,
    /// <summary>The password contains the account's e-mail address or the part before the @.</summary>
    ContainsEmail,
    /// <summary>The password contains the account's employee number (工号).</summary>
    ContainsEmployeeNumber,
}
