namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>The interchange formats of the question bank (docs/question-formats.md).</summary>
public enum BankFormat { Gift, MoodleXml, Aiken, Csv, Xlsx, Qti }
