namespace CertPlatform.Web.Infrastructure;

/// <summary>What an <see cref="ExportCell"/> holds: text, a number, a calendar day or a wall-clock minute.</summary>
public enum ExportCellKind
{
    Text,
    Number,
    /// <summary>A day (yyyy-MM-dd as text in CSV; a date cell with a date format in XLSX).</summary>
    Date,
    /// <summary>A wall-clock time to the minute (yyyy-MM-dd HH:mm in CSV; a date-time cell in XLSX).</summary>
    DateTime,
}
