namespace CertPlatform.Web;

/// <summary>Marker for the shared UI strings. Keys are the Chinese (default) text; English is in Resources/SharedResource.en.resx.</summary>
public sealed class SharedResource;
