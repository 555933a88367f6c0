using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.UnitTests.Domain.Exams;

public sealed class DrawPoolsTests
{
    [Fact]
    public void Certification_papers_use_only_the_secure_pool_and_other_papers_only_the_practice_pool()
    {
        Assert.Equal(QuestionPool.Secure, DrawPools.ForPaper(certification: true));
        Assert.Equal(QuestionPool.Practice, DrawPools.ForPaper(certification: false));
        Assert.True(DrawPools.Allows(true, QuestionPool.Secure));
        Assert.False(DrawPools.Allows(true, QuestionPool.Practice));
        Assert.True(DrawPools.Allows(false, QuestionPool.Practice));
        Assert.False(DrawPools.Allows(false, QuestionPool.Secure));
    }

    [Theory]
    [InlineData(true, true, QuestionPool.Practice, true, true)]
    [InlineData(true, false, QuestionPool.Practice, true, false)]
    [InlineData(false, true, QuestionPool.Practice, false, true)]
    [InlineData(true, true, QuestionPool.Secure, false, false)]
    [InlineData(false, false, QuestionPool.Secure, false, false)]
    public void Review_follows_the_paper_except_that_secure_keys_and_explanations_are_never_shown(bool answers, bool explanations, QuestionPool pool, bool showsAnswers, bool showsExplanations)
    {
        var v = ReviewVisibility.For(answers, explanations, pool);
        Assert.Equal((showsAnswers, showsExplanations), (v.Answers, v.Explanations));
        Assert.Equal(!showsAnswers, ReviewVisibility.ConcealsMistake(answers, pool));
    }
}
