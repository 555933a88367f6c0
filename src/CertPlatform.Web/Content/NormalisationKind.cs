namespace CertPlatform.Web.Content;

/// <summary>What kind of difference between a seed text and a lesson a normalisation explains.</summary>
public enum NormalisationKind
{
    /// <summary>A slip of the seed's OCR/conversion (旳 → 的): corrected silently.</summary>
    Ocr,
    /// <summary>A systematic wording change (同步 → 同时): each lesson using it mentions the textbook's wording once, and fill-in answers accept both.</summary>
    Wording,
}
