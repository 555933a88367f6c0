using CertPlatform.Web.Domain.Accounts;

namespace CertPlatform.UnitTests.Domain.Accounts;

public sealed class PasswordPolicyTests
{
    private static readonly PasswordPolicy Policy = new(CommonPasswords.All);

    [Theory]
    [InlineData("password")]
    [InlineData("password1")]
    [InlineData("Password123!")]
    [InlineData("Qwerty-2026")]
    [InlineData("123456789")]
    [InlineData("woaini1314")]
    [InlineData("!admin!")]
    public void Common_passwords_and_common_words_with_digits_added_are_refused(string password) =>
        Assert.Contains(PasswordProblem.Common, Policy.Check(password, "someone@example.com", "E1001"));

    [Theory]
    [InlineData("zhang.wei@example.com", "zhang.wei@example.com")]
    [InlineData("ZHANG.WEI@example.com2026", "zhang.wei@example.com")]
    [InlineData("zhang.wei-2026", "zhang.wei@example.com")]
    public void Passwords_built_from_the_email_are_refused(string password, string email) =>
        Assert.Contains(PasswordProblem.ContainsEmail, Policy.Check(password, email, null));

    [Fact]
    public void Passwords_containing_the_employee_number_are_refused() =>
        Assert.Equal([PasswordProblem.ContainsEmployeeNumber], Policy.Check("Xuexi-e1001-go", "someone@example.com", "E1001"));

    [Theory]
    [InlineData("Lianxi-2026x")]
    [InlineData("my-own-2026")]
    [InlineData("kf-zhang-7391")]
    public void Ordinary_passwords_pass(string password) =>
        Assert.Empty(Policy.Check(password, "zhang.wei@example.com", "E1001"));

    [Fact]
    public void Very_short_mailboxes_and_numbers_do_not_forbid_everything() =>
        Assert.Empty(Policy.Check("ab-xuexi-2026", "ab@example.com", "ab"));

    [Fact]
    public void The_shipped_list_loads_and_ignores_comments()
    {
        Assert.True(CommonPasswords.All.Count > 150);
        Assert.DoesNotContain(CommonPasswords.All, p => p.StartsWith('#'));
        Assert.Equal(["abc", "def"], CommonPasswords.Parse("# comment\nABC\n\n def \n").Order());
    }
}
