using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.Practice;

/// <summary>What the feedback page needs: the answered question's index, the answer as displayed, and the set after it.</summary>
public sealed record PracticeFeedbackState(PracticeState Next, int Index, Response Displayed, bool Recorded);
