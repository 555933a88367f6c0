namespace CertPlatform.Web.Content;

public enum ProvenanceKind { Textbook, TextbookAndAuthored, Authored, CourseOutline }
