using System.Globalization;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// One cell of an exported table: text, or a number written as a number (never neutralised), or a day / minute
/// (its display text in CSV, a real date cell in XLSX; never neutralised). <see cref="Value"/> is the day or wall-clock time.
/// </summary>
public readonly record struct ExportCell(string Text, bool Numeric = false)
{
    public ExportCellKind Kind { get; init; } = Numeric ? ExportCellKind.Number : ExportCellKind.Text;
    public DateTime Value { get; init; }

    public static implicit operator ExportCell(string text) => new(text);
    public static ExportCell Number(decimal value) => new(value.ToString(CultureInfo.InvariantCulture), true);
    public static ExportCell Number(int value) => new(value.ToString(CultureInfo.InvariantCulture), true);

    /// <summary>A calendar day (of the display zone): "2026-11-30" in CSV, a date cell in XLSX.</summary>
    public static ExportCell Date(DateOnly day) =>
        new(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) { Kind = ExportCellKind.Date, Value = day.ToDateTime(TimeOnly.MinValue) };

    /// <summary>A wall-clock time (of the display zone) to the minute: "2026-11-30 08:30" in CSV, a date-time cell in XLSX.</summary>
    public static ExportCell Minute(DateTime wallClock)
    {
        var minute = new DateTime(wallClock.Year, wallClock.Month, wallClock.Day, wallClock.Hour, wallClock.Minute, 0, DateTimeKind.Unspecified);
        return new(minute.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)) { Kind = ExportCellKind.DateTime, Value = minute };
    }
}
