namespace CertPlatform.Web.Features.Grading;

/// <summary>How saving an examiner's score ended.</summary>
public enum GradeItemOutcome { Saved, NotFound, Invalid, AlreadyGraded }
