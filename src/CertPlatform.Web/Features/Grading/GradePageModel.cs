namespace CertPlatform.Web.Features.Grading;

public sealed record GradePageModel(GradeItemModel Item, GradeForm Form);
