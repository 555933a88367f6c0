using CertPlatform.Web.Domain.Notifications;

namespace CertPlatform.Web.Features.Notifications;

/// <summary>The mail templates, one file per kind (<c>{name}.txt</c>) in content/notifications/, read once.</summary>
public sealed class NotificationTemplates
{
    private readonly Dictionary<string, MailTemplate> _templates = new();

    public NotificationTemplates(string folder)
    {
        Folder = folder;
        var errors = new List<string>();
        foreach (var (name, placeholders) in NotificationTemplateName.Placeholders)
        {
            var path = Path.Combine(folder, name + ".txt");
            if (!File.Exists(path)) { errors.Add($"{path}:1: template missing"); continue; }
            if (MailTemplate.Parse(File.ReadAllText(path), path, placeholders, errors) is { } t) _templates[name] = t;
        }
        Errors = errors;
    }

    public string Folder { get; }
    /// <summary>Problems as "file:line: message"; the app refuses to start with notifications enabled while there are any.</summary>
    public IReadOnlyList<string> Errors { get; }

    public MailTemplate Get(string name) => _templates.TryGetValue(name, out var t) ? t
        : throw new InvalidOperationException($"Mail template {name} is not loaded: {string.Join("; ", Errors)}");
}
