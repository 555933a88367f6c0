using CertPlatform.Web.Domain.Certificates;

namespace CertPlatform.UnitTests.Domain.Certificates;

public sealed class CertifiedPaperContentTests
{
    private static readonly CertifiedPaperContent Paper = new("certification", "vip-level4", 90, 60m, 2, "[{\"Title\":\"A\"}]", null,
        true, true, true, false, false, false, false);

    [Fact]
    public void An_unchanged_save_keeps_the_version_even_when_the_pass_mark_is_written_differently() =>
        Assert.Equal(4, CertifiedPaperContent.NextVersion(4, Paper, Paper with { PassMark = 60.00m }));

    [Fact]
    public void Any_change_of_what_is_certified_makes_a_new_version()
    {
        CertifiedPaperContent[] changes =
        [
            Paper with { PassMark = 1m }, Paper with { TimeLimitMinutes = 10 }, Paper with { BlueprintJson = "[]" },
            Paper with { FixedQuestionsJson = "[]" }, Paper with { ReviewShowsAnswers = true }, Paper with { ProgrammeId = "other" },
            Paper with { Kind = "mock" }, Paper with { AttemptsAllowed = 0 }, Paper with { DrawExcludeFlagged = true },
        ];
        Assert.All(changes, c => Assert.Equal(5, CertifiedPaperContent.NextVersion(4, Paper, c)));
    }
}
