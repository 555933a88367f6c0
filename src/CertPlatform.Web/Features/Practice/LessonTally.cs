namespace CertPlatform.Web.Features.Practice;

/// <summary>How a trainee did on one lesson's questions (practice answers plus objective exam items).</summary>
public sealed record LessonTally(string LessonId, int Answers, int Correct)
{
    public int Percent => Answers == 0 ? 0 : (int)Math.Round(100.0 * Correct / Answers, MidpointRounding.AwayFromZero);
}
