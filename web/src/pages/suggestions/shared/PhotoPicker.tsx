import { PlusOutlined } from "@ant-design/icons";
import { Upload, type UploadFile, type UploadProps } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** A photo already on the server (POST /uploads), ready to be attached by id. */
export interface UploadedPhoto {
  id: string;
  url: string;
  fileName: string;
}

const MAX_EDGE = 2048;
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Re-encodes the picture as a JPEG at most 2048 px on its long side: a phone's 12-megapixel photo
 * becomes a few hundred KB (residents upload on mobile data), its EXIF orientation is applied and
 * its metadata (GPS!) is gone before it leaves the phone. HEIC and WebP become JPEG too where the
 * browser can decode them. The server strips metadata again in any case.
 */
async function shrink(file: File): Promise<{ blob: Blob; name: string }> {
  const jpegName = `${file.name.replace(/\.[^.]+$/, "") || "photo"}.jpg`;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
    if (blob) return { blob, name: jpegName };
  } catch {
    // The browser cannot decode it: send it as it is and let the server judge.
  }
  return { blob: file, name: file.name };
}

interface UploadFailure {
  message?: string;
}

/** POST /uploads with progress (fetch cannot report upload progress; XHR can). */
function send(blob: Blob, name: string, onProgress: (percent: number) => void): Promise<UploadedPhoto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/uploads");
    xhr.withCredentials = true;
    xhr.setRequestHeader("content-type", blob.type || "application/octet-stream");
    xhr.setRequestHeader("x-file-name", encodeURIComponent(name));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let body: (UploadedPhoto & UploadFailure) | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: a proxy's error page.
      }
      if (xhr.status === 201 && body) resolve({ id: body.id, url: body.url, fileName: body.fileName });
      else reject(new Error(body?.message ?? `HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(blob);
  });
}

interface PhotoPickerProps {
  value?: UploadedPhoto[];
  onChange?: (photos: UploadedPhoto[]) => void;
  /** At most this many photos (the server allows 9). */
  max?: number;
  disabled?: boolean;
  /** Told when photos start or finish uploading: the form should not be sent meanwhile. */
  onUploadingChange?: (uploading: boolean) => void;
}

/**
 * Photos for a form (Form.Item-compatible: value/onChange). Each photo is uploaded as soon as it is
 * chosen, with its progress; the form sends only the ids. A failed photo shows why and can be removed.
 */
export function PhotoPicker({ value, onChange, max = 9, disabled, onUploadingChange }: PhotoPickerProps) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<UploadFile<UploadedPhoto>[]>([]);
  const reported = useRef<UploadedPhoto[] | undefined>(undefined);

  // The form reset or set the value from outside: show exactly those photos.
  useEffect(() => {
    if (value === reported.current) return;
    setFiles(
      (value ?? []).map((photo) => ({
        uid: photo.id,
        name: photo.fileName,
        status: "done",
        url: photo.url,
        thumbUrl: photo.url,
        response: photo,
      })),
    );
  }, [value]);

  const report = (next: UploadFile<UploadedPhoto>[]) => {
    const photos = next.flatMap((file) => (file.status === "done" && file.response ? [file.response] : []));
    reported.current = photos;
    onChange?.(photos);
  };

  const customRequest: UploadProps<UploadedPhoto>["customRequest"] = async (options) => {
    const file = options.file as File;
    try {
      const { blob, name } = await shrink(file);
      if (blob.size > MAX_BYTES) throw new Error(t("suggestion.photos.tooLarge"));
      const photo = await send(blob, name, (percent) => options.onProgress?.({ percent }));
      options.onSuccess?.(photo);
    } catch (error) {
      const message =
        error instanceof Error && error.message !== "network" ? error.message : t("suggestion.photos.failed");
      options.onError?.(new Error(message));
    }
  };

  const handleChange: UploadProps<UploadedPhoto>["onChange"] = ({ fileList }) => {
    const next = fileList.map((file) =>
      file.status === "done" && file.response
        ? { ...file, url: file.response.url, thumbUrl: file.response.url }
        : file.status === "error"
          ? { ...file, response: undefined, error: file.error }
          : file,
    );
    setFiles(next);
    report(next);
    onUploadingChange?.(next.some((file) => file.status === "uploading"));
  };

  return (
    <Upload<UploadedPhoto>
      accept="image/*"
      listType="picture-card"
      multiple
      fileList={files}
      maxCount={max}
      disabled={disabled}
      customRequest={customRequest}
      onChange={handleChange}
      showUploadList={{ showPreviewIcon: false }}
      className="photo-picker"
    >
      {files.length >= max ? null : (
        <button type="button" className="photo-picker-add" disabled={disabled}>
          <PlusOutlined />
          <span>{t("suggestion.photos.add")}</span>
        </button>
      )}
    </Upload>
  );
}
