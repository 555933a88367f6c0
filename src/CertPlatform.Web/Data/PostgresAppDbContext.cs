using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Data;

/// <summary>PostgreSQL (timestamptz columns; every value the app writes is UTC).</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
