namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>Where the preview work of an import stands: reading the file, checking question N of M, done (the preview is ready) or failed.</summary>
public enum ImportJobState { Reading, Checking, Done, Failed }
