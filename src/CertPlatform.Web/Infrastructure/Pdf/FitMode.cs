namespace CertPlatform.Web.Infrastructure.Pdf;

/// <summary>How a text box reacts when its text is too long at the largest size.</summary>
internal enum FitMode
{
    /// <summary>Names and organisations: keep one line and shrink to the minimum size first, wrap only then.</summary>
    ShrinkThenWrap,
    /// <summary>Paragraphs: wrap at the largest size, shrink only when the lines do not fit the box height.</summary>
    WrapThenShrink,
}
