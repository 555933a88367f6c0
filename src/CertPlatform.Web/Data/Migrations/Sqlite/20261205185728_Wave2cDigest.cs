using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertPlatform.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wave2cDigest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing attempts get their digests from Features/Analytics/AttemptDigestBackfill at start-up: SQL cannot
            // decode the layouts and option shuffles; until then statistics read those attempts the slow way.
            migrationBuilder.CreateTable(
                name: "AttemptDigests",
                columns: table => new
                {
                    AttemptId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PaperId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PaperVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Score = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    GradedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttemptDigests", x => x.AttemptId);
                    table.ForeignKey(
                        name: "FK_AttemptDigests_Attempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "Attempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UploadedMatrices",
                columns: table => new
                {
                    Token = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UploadedMatrices", x => x.Token);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttemptDigests_PaperId",
                table: "AttemptDigests",
                column: "PaperId");

            migrationBuilder.CreateIndex(
                name: "IX_UploadedMatrices_ExpiresAt",
                table: "UploadedMatrices",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttemptDigests");

            migrationBuilder.DropTable(
                name: "UploadedMatrices");
        }
    }
}
