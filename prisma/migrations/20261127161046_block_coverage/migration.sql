-- CreateTable
CREATE TABLE "BlockCoverage" (
    "blockId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BlockCoverage_pkey" PRIMARY KEY ("blockId","areaId")
);

-- CreateIndex
CREATE INDEX "BlockCoverage_areaId_idx" ON "BlockCoverage"("areaId");

-- AddForeignKey
ALTER TABLE "BlockCoverage" ADD CONSTRAINT "BlockCoverage_blockId_fkey" FOREIGN KEY ("blockId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlockCoverage" ADD CONSTRAINT "BlockCoverage_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

