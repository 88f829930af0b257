-- AlterTable
ALTER TABLE "ReceptionDay" ADD COLUMN     "visitorCount" INTEGER;

