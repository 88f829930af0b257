import { Image } from "antd";
import { useTranslation } from "react-i18next";

export interface GalleryPhoto {
  id: string;
  url: string;
  fileName: string;
}

/** Thumbnails that open full size (swipe between them on a phone). Nothing when there are none. */
export function PhotoGallery({ photos }: { photos: readonly GalleryPhoto[] }) {
  const { t } = useTranslation();
  if (!photos.length) return null;
  return (
    <Image.PreviewGroup>
      <ul className="photo-gallery" aria-label={t("suggestion.photos.gallery", { count: photos.length })}>
        {photos.map((photo) => (
          <li key={photo.id}>
            <Image src={photo.url} alt={photo.fileName} width={96} height={96} />
          </li>
        ))}
      </ul>
    </Image.PreviewGroup>
  );
}
