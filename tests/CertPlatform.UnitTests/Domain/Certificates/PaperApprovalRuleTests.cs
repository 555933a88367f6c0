using CertPlatform.Web.Domain.Certificates;

namespace CertPlatform.UnitTests.Domain.Certificates;

public sealed class PaperApprovalRuleTests
{
    private static PaperApprovalOutcome Check(string approver, int current = 3, int toApprove = 3, int? approved = 2, bool certification = true, bool programme = true) =>
        PaperApprovalRule.Check(approver, ["author-1", "author-2"], certification, programme, current, toApprove, approved);

    [Fact]
    public void A_second_person_approves_the_current_version() => Assert.Equal(PaperApprovalOutcome.Approved, Check("manager"));

    [Fact]
    public void An_author_of_any_version_cannot_approve()
    {
        Assert.Equal(PaperApprovalOutcome.ApproverIsAuthor, Check("author-1"));
        Assert.Equal(PaperApprovalOutcome.ApproverIsAuthor, Check("author-2"));
    }

    [Fact]
    public void Only_the_current_version_and_only_once() 
    {
        Assert.Equal(PaperApprovalOutcome.StaleVersion, Check("manager", current: 4, toApprove: 3));
        Assert.Equal(PaperApprovalOutcome.AlreadyApproved, Check("manager", approved: 3));
    }

    [Fact]
    public void Only_certification_papers_with_a_programme()
    {
        Assert.Equal(PaperApprovalOutcome.NotCertificationPaper, Check("manager", certification: false));
        Assert.Equal(PaperApprovalOutcome.NoProgramme, Check("manager", programme: false));
    }
}
