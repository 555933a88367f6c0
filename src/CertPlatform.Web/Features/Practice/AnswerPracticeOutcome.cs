namespace CertPlatform.Web.Features.Practice;

/// <summary>
/// What <see cref="AnswerPractice"/> did: graded the answer, found no such set or question, found the set finished,
/// refused an answer that does not fit the question, or refused a question page that was answered already.
/// </summary>
public enum AnswerPracticeOutcome { Answered, NotFound, Finished, Invalid, AlreadyUsed }
