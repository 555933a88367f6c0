using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertPlatform.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Wave2bPools : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Pool",
                table: "Questions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Practice");

            migrationBuilder.Sql(QuestionPoolBackfill.Sql);

            migrationBuilder.AddColumn<bool>(
                name: "Concealed",
                table: "Mistakes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RepeatedQuestions",
                table: "Attempts",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Pool",
                table: "Questions");

            migrationBuilder.DropColumn(
                name: "Concealed",
                table: "Mistakes");

            migrationBuilder.DropColumn(
                name: "RepeatedQuestions",
                table: "Attempts");
        }
    }
}
