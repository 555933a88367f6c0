using CertPlatform.Web.Content;

namespace CertPlatform.UnitTests.Content;

/// <summary>
/// The committed normalisations (content/sources/normalisations.yaml) against the committed seed: words the
/// seed's copy dropped (电话, leaving a blank), its 对旳旳 (正确的 + 旳) and its conversion synonyms read as the
/// lessons quote them, and a sentence that was changed without a listed normalisation still does not match.
/// </summary>
public sealed class SeedNormalisationTests
{
    private static readonly FidelityChecker Checker = Load();

    private static FidelityChecker Load()
    {
        var problems = new List<ContentError>();
        var normalisations = SourceNormalisations.Load(RepoPaths.Content, problems);
        Assert.Empty(problems);
        return new FidelityChecker(File.ReadAllText(Path.Combine(RepoPaths.Content, ContentFidelity.TextbookSeed)), normalisations);
    }

    [Theory]
    [InlineData("有效的沟通方式是需要双方能仔细聆听对方所说的话，这一点在电话中的沟通更是重要。")] // blank where 电话 stood
    [InlineData("封闭式（单向提问）问询：针对特定事项。例如：日期、地址、电话号码；或只要求“是”或“否”的答案。")]
    [InlineData("有正确的态度，才能用正确的方法把事情做好；")] // 对旳旳 → 正确的, not 正确的的
    [InlineData("即要邀请每一位顾客下次再度光临，企业要以最好的服务、优质的产品、适中的价格来吸引顾客多次光临")]
    [InlineData("应当说，以目标客户的年龄为基础的差异化策略是运营商的最佳选择。")]
    [InlineData("一个人经常的行为特征，以及因适应环境而产生的惯性行为倾向。")]
    public void Lesson_wording_matches_the_seed_after_the_listed_normalisations(string sentence) =>
        Assert.True(Checker.Matches(sentence), sentence);

    [Theory]
    [InlineData("有正确的的态度，才能用正确的方法把事情做好；")]
    [InlineData("应当说，以目标客户的年龄为基础的差异化策略是运营商的唯一选择。")]
    [InlineData("有效的沟通需要双方仔细聆听对方所说的话，这一点在电话沟通中更为重要。")]
    public void Unlisted_changes_still_differ_from_the_seed(string sentence) =>
        Assert.False(Checker.Matches(sentence), sentence);
}
