namespace CertPlatform.Web.Features.Admin;

public sealed record InitialPasswordsModel(string Title, IReadOnlyList<InitialPassword> Passwords);
