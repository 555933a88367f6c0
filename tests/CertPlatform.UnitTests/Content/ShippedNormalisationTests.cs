using CertPlatform.Web.Content;

namespace CertPlatform.UnitTests.Content;

/// <summary>
/// The committed seed with the committed normalisations.yaml: entries that hold punctuation or restore a lost word
/// must really match the seed's raw text (normalisations apply before punctuation is dropped), and the Part 1
/// lessons reconciled in batch A stay off the pending list.
/// </summary>
public sealed class ShippedNormalisationTests
{
    private static readonly Lazy<(FidelityChecker Checker, IReadOnlyList<Normalisation> Norms)> Shipped = new(() =>
    {
        var problems = new List<ContentError>();
        var norms = SourceNormalisations.Load(RepoPaths.Content, problems);
        Assert.Empty(problems);
        var seed = File.ReadAllText(Path.Combine(RepoPaths.Content, ContentFidelity.TextbookSeed));
        return (new FidelityChecker(seed, norms), norms);
    });

    [Theory]
    [InlineData("同时，企业提供的不仅仅是产品和服务，更重要的是由此产生的客户价值。")] // seed: 同步,企业
    [InlineData("通过新的业务模式（电话、网络）扩大企业经营活动范围，及时把握新的市场机会，占领更多的市场份额。")] // seed: ( 、网络)
    [InlineData("如手表是用来计时的，手机是用来移动通话的。")] // seed: 计时旳, 是用来
    [InlineData("在与客户的每一个“接触点”上都更加接近客户、了解客户，最大限度地增加利润和利润占有率。")]
    [InlineData("描述类信息主要是用来了解客户的基本属性的信息，如个人客户的联系信息、地理信息和人口统计信息，企业客户的社会经济统计信息等。")]
    public void Restored_textbook_sentences_match_the_seed(string sentence) =>
        Assert.True(Shipped.Value.Checker.Matches(sentence), sentence);

    [Fact]
    public void A_normalisation_without_the_seeds_punctuation_does_not_match()
    {
        var withoutComma = Shipped.Value.Norms
            .Select(n => n.Seed == "同步,企业" ? n with { Seed = "同步企业", Lesson = "同时企业" } : n).ToList();
        var seed = File.ReadAllText(Path.Combine(RepoPaths.Content, ContentFidelity.TextbookSeed));
        Assert.False(new FidelityChecker(seed, withoutComma).Matches("同时，企业提供的不仅仅是产品和服务，更重要的是由此产生的客户价值。"));
    }

    [Theory]
    [InlineData("after-sales-service")]
    [InlineData("crm")]
    [InlineData("customer-classification")]
    [InlineData("customer-information")]
    [InlineData("customer-loyalty")]
    [InlineData("customer-relationship")]
    [InlineData("customer-satisfaction")]
    [InlineData("customer-value")]
    [InlineData("market-segmentation")]
    [InlineData("marketing-4c")]
    [InlineData("marketing-4r")]
    [InlineData("marketing-4v")]
    public void Reconciled_part_one_lessons_are_clean_and_off_the_pending_list(string slug)
    {
        var file = $"lessons/part1/{slug}.md";
        var problems = new List<ContentError>();
        Assert.DoesNotContain(file, FidelityPending.Load(RepoPaths.Content, problems));
        var text = File.ReadAllText(Path.Combine(RepoPaths.Content, file));
        var findings = Shipped.Value.Checker.CheckLesson(file, text, LessonTextUnits.Parse(text)).ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }
}
