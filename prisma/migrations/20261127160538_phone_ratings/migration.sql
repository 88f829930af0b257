-- AlterTable
ALTER TABLE "SuggestionRating" ADD COLUMN     "byPhone" BOOLEAN NOT NULL DEFAULT false;

