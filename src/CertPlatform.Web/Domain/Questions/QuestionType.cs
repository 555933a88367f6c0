namespace CertPlatform.Web.Domain.Questions;

public enum QuestionType { Single, Multiple, TrueFalse, Fill, Matching, Ordering, Essay, Case }
