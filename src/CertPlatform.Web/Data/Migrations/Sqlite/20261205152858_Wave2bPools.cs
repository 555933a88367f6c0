using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertPlatform.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Practice");

            migrationBuilder.Sql(QuestionPoolBackfill.Sql);

            migrationBuilder.AddColumn<bool>(
                name: "Concealed",
                table: "Mistakes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RepeatedQuestions",
                table: "Attempts",
                type: "INTEGER",
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
