using System.Text;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;

namespace CertPlatform.UnitTests.Features.QuestionBank.Formats;

/// <summary>Issue 15: GIFT, Moodle XML and QTI exports carry a question's pool and their readers restore it.</summary>
public sealed class PoolTagTests
{
    private static Question Sample(string id, QuestionPool pool) => new()
    {
        Id = id, Type = QuestionType.Single, Stem = "客户价值的核心是？", Explanation = "见第一节。", Difficulty = 3, LessonId = "p1-swot",
        Tags = ["概念"], Status = QuestionStatus.Ready, Points = 1m, Pool = pool,
        Options = [new("甲", true), new("乙", false), new("丙", false)],
    };

    private static readonly Question[] Both = [Sample("pool-secure", QuestionPool.Secure), Sample("pool-practice", QuestionPool.Practice)];

    private static void AssertPools(ImportResult read)
    {
        Assert.True(read.Ok, string.Join("; ", read.Issues.Select(i => i.Message.ToString())));
        var byId = read.Questions.ToDictionary(q => q.Question.Id);
        Assert.Equal((QuestionPool.Secure, QuestionPool.Secure), (byId["pool-secure"].Question.Pool, byId["pool-secure"].Pool!.Value));
        Assert.Equal((QuestionPool.Practice, QuestionPool.Practice), (byId["pool-practice"].Question.Pool, byId["pool-practice"].Pool!.Value));
    }

    [Fact]
    public void Gift_carries_the_pool_in_its_metadata_comment()
    {
        var gift = GiftFormat.Write(Both);
        Assert.Contains("\"pool\":\"secure\"", gift);
        AssertPools(GiftFormat.Parse("pool.gift", gift));
    }

    [Fact]
    public void Moodle_xml_carries_the_pool_as_a_certplatform_tag()
    {
        var xml = MoodleXmlFormat.Write(Both);
        Assert.Contains("certplatform:pool=secure", xml);
        Assert.Contains("certplatform:pool=practice", xml);
        AssertPools(MoodleXmlFormat.Parse("pool.xml", new MemoryStream(Encoding.UTF8.GetBytes(xml))));
    }

    [Fact]
    public void A_qti_package_carries_the_pool_in_the_manifest_metadata()
    {
        var package = QtiFormat.WritePackage(Both).Package;
        AssertPools(QtiFormat.Parse("pool.zip", new MemoryStream(package)));
    }

    [Fact]
    public void A_file_naming_no_pool_leaves_it_unsaid_and_a_bad_pool_tag_is_an_error_with_its_line()
    {
        var plain = GiftFormat.Parse("plain.gift", "::q1::客户价值的核心是？{=甲 ~乙 ~丙}");
        Assert.True(plain.Ok);
        Assert.Null(Assert.Single(plain.Questions).Pool);
        Assert.Equal(QuestionPool.Practice, plain.Questions[0].Question.Pool);

        var xml = MoodleXmlFormat.Write([Sample("pool-bad", QuestionPool.Secure)]).Replace("certplatform:pool=secure", "certplatform:pool=open", StringComparison.Ordinal);
        var bad = MoodleXmlFormat.Parse("bad.xml", new MemoryStream(Encoding.UTF8.GetBytes(xml)));
        var error = Assert.Single(bad.Issues, i => !i.Skipped);
        Assert.Contains("open", error.Message.ToString());
        Assert.True(error.Line > 0);
    }

    [Theory]
    [InlineData("secure", QuestionPool.Secure)]
    [InlineData(" Practice ", QuestionPool.Practice)]
    [InlineData("open", null)]
    [InlineData(null, null)]
    public void Pool_keys_parse_in_any_case(string? value, QuestionPool? expected) => Assert.Equal(expected, PoolTag.Parse(value));

    [Fact]
    public void Pool_keys_are_practice_and_secure() =>
        Assert.Equal(["practice", "secure"], new[] { PoolTag.Key(QuestionPool.Practice), PoolTag.Key(QuestionPool.Secure) });
}
