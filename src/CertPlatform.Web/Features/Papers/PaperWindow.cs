namespace CertPlatform.Web.Features.Papers;

/// <summary>Where "now" falls in a paper's open/close window.</summary>
public enum PaperWindow { Open, NotYetOpen, Closed }
