using CertPlatform.Web.Domain.Certificates;

namespace CertPlatform.UnitTests.Domain.Certificates;

public sealed class CertificationRuleTests
{
    private static readonly CertificationFacts Approved = new(IsFinal: true, Passed: true, IsCertificationPaper: true, HasProgramme: true,
        AttemptVersionApproved: true, HolderIsAuthor: false, HolderIsApprover: false);

    [Fact]
    public void A_final_pass_of_an_approved_version_by_someone_else_is_eligible() =>
        Assert.Equal(CertificationDecision.Eligible, CertificationRule.Decide(Approved));

    [Fact]
    public void Fails_unfinished_results_and_mock_papers_are_not_refusals() =>
        Assert.All(new[] { Approved with { Passed = false }, Approved with { IsFinal = false }, Approved with { IsCertificationPaper = false } },
            f => Assert.Equal(CertificationDecision.NotApplicable, CertificationRule.Decide(f)));

    [Theory]
    [InlineData(false, true, false, false, CertificationDecision.NoProgramme)]
    [InlineData(true, false, false, false, CertificationDecision.VersionNotApproved)]
    [InlineData(true, false, true, true, CertificationDecision.VersionNotApproved)]
    [InlineData(true, true, true, false, CertificationDecision.HolderIsAuthor)]
    [InlineData(true, true, true, true, CertificationDecision.HolderIsAuthor)]
    [InlineData(true, true, false, true, CertificationDecision.HolderIsApprover)]
    public void Refusals_name_the_first_reason(bool programme, bool approved, bool author, bool approver, CertificationDecision expected) =>
        Assert.Equal(expected, CertificationRule.Decide(Approved with
        {
            HasProgramme = programme, AttemptVersionApproved = approved, HolderIsAuthor = author, HolderIsApprover = approver,
        }));

    [Fact]
    public void Every_refusal_has_its_own_audit_key() =>
        Assert.Equal(Enum.GetValues<CertificationDecision>().Length,
            Enum.GetValues<CertificationDecision>().Select(CertificationRule.Key).Distinct().Count());

    [Theory]
    [InlineData(false, false, false, false, false, CertificationDecision.NotApplicable)]
    [InlineData(true, true, true, false, false, CertificationDecision.Eligible)]
    [InlineData(true, true, false, false, false, CertificationDecision.VersionNotApproved)]
    [InlineData(true, false, true, false, false, CertificationDecision.NoProgramme)]
    [InlineData(true, true, true, true, false, CertificationDecision.HolderIsAuthor)]
    [InlineData(true, true, true, false, true, CertificationDecision.HolderIsApprover)]
    public void Before_start_says_what_a_pass_of_the_current_version_would_yield(bool certification, bool programme, bool approved, bool author, bool approver,
        CertificationDecision expected) =>
        Assert.Equal(expected, CertificationRule.BeforeStart(certification, programme, approved, author, approver));
}
