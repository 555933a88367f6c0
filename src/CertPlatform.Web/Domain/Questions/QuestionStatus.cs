namespace CertPlatform.Web.Domain.Questions;

public enum QuestionStatus { Draft, Ready, Retired }
